"""concurrent.futures.Future.result() is the result() that blocks until done."""

import time
from concurrent.futures import ThreadPoolExecutor


def build_report():
    time.sleep(0.2)
    return "report ready"


with ThreadPoolExecutor() as pool:
    future = pool.submit(build_report)
    print("submitted; done =", future.done())
    print("result() waited and returned:", future.result())
    print("done =", future.done())
