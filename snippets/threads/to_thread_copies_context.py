"""to_thread runs with the caller's contextvars; run_in_executor does not."""

import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="<unset>")


def log_line(message):
    return f"[request {request_id.get()}] {message}"


async def main():
    request_id.set("r-17")
    print(await asyncio.to_thread(log_line, "from to_thread"))
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, log_line, "from run_in_executor"))


asyncio.run(main())
