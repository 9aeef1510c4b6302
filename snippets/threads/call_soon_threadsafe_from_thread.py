"""call_soon_threadsafe lets a thread hand a value to a callback in the loop."""

import asyncio
import threading
import time


def read_card(loop, deliver):
    time.sleep(0.2)  # a blocking hardware read
    loop.call_soon_threadsafe(deliver, "card 4242")


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def deliver(card):
        print(f"deliver runs in thread {threading.current_thread().name}")
        future.set_result(card)

    reader = threading.Thread(
        target=read_card, args=(loop, deliver), name="reader"
    )
    reader.start()
    print("waiting for a card...")
    print("got", await future)
    reader.join()


asyncio.run(main())
