"""``python -m trendcalc``: the same as the ``trendcalc`` command."""

import sys

from trendcalc._cli import main

sys.exit(main())
