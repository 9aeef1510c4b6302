"""loop.create_task() schedules on a loop you hold, even one not yet running."""

import asyncio


async def send_email(to):
    print(f"send_email({to!r}) runs")
    await asyncio.sleep(0.1)
    return f"sent to {to}"


loop = asyncio.new_event_loop()
task = loop.create_task(send_email("ada@example.com"), name="email-ada")
print(f"{task.get_name()} created, loop running: {loop.is_running()}")
print(loop.run_until_complete(task))
loop.close()
