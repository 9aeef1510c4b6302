"""Several callbacks on one task run in the order they were added."""

import asyncio


async def build_report():
    return "report.pdf"


def save_to_disk(task):
    print(f"1. save {task.result()}")


def email_team(task):
    print(f"2. email {task.result()}")


def update_dashboard(task):
    print(f"3. dashboard shows {task.result()}")


async def main():
    task = asyncio.create_task(build_report())
    for callback in (save_to_disk, email_team, update_dashboard):
        task.add_done_callback(callback)
    await task
    print("main resumes last: its own wake-up was registered last")


asyncio.run(main())
