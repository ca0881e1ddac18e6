"""``python -m helpers.answers FILE``: write the instructors' answer key to FILE."""

import sys

from helpers.answers import main

sys.exit(main(sys.argv[1:]))
