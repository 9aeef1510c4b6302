"""remove_done_callback() removes every registration and returns how many."""

import asyncio


def log_done(future):
    print(f"log_done: {future.result()}")


async def download_report():
    return "report downloaded"


async def main():
    loop = asyncio.get_running_loop()
    upload = loop.create_future()
    upload.add_done_callback(log_done)
    upload.add_done_callback(log_done)
    print(f"future: removed {upload.remove_done_callback(log_done)}")
    upload.set_result("upload finished")

    task = asyncio.create_task(download_report())
    task.add_done_callback(log_done)
    print(f"task: removed {task.remove_done_callback(log_done)}")
    removed = task.remove_done_callback(log_done)
    print(f"task: removed {removed} on a second call")
    await task
    print("both are done and log_done never ran")


asyncio.run(main())
