"""Is this a free-threaded build of Python, and is the GIL on right now?"""

import sys
import sysconfig

free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
print("free-threaded build:", free_threaded)
if hasattr(sys, "_is_gil_enabled"):  # new in 3.13
    print("GIL enabled:", sys._is_gil_enabled())
else:
    print("GIL enabled: always (no free-threaded builds before 3.13)")
