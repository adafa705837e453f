# The asyncio part of this lesson's snippet, which runs in the browser: wait_for's timeout cancels the task at its await.
import asyncio


async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("asyncio: cancelled at its await")
        raise


try:
    asyncio.run(asyncio.wait_for(slow(), timeout=0.5))  # wait_for cancels on timeout
except asyncio.TimeoutError:
    print("asyncio: wait_for timed out after cancelling the task")
