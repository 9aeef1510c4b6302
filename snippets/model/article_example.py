import asyncio

async def my_async_function():
    # perform some asynchronous operations
    await asyncio.sleep(1)
    return "Async task completed"

async def main():
    task = asyncio.create_task(my_async_function())
    print("Task created")

    await asyncio.sleep(0.5)

    if task.done():
        result = task.result()
        print(f"Task result: {result}")

asyncio.run(main())
