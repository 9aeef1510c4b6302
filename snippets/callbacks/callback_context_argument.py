"""A callback runs in the context current when it was added, or in context=."""

import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id")


def log_request(future):
    print(f"{future.result()}: request_id={request_id.get()}")


async def main():
    loop = asyncio.get_running_loop()
    checkout = loop.create_future()
    request_id.set("req-1")
    checkout.add_done_callback(log_request)  # copies the current context

    audit_context = contextvars.Context()
    audit_context.run(request_id.set, "audit-7")
    checkout.add_done_callback(log_request, context=audit_context)

    request_id.set("req-2")  # too late: both callbacks already have a context
    checkout.set_result("checkout done")
    await asyncio.sleep(0)


asyncio.run(main())
