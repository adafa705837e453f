# multiprocessing: a Queue between producer and consumer, a shared Value behind its lock, a list copied to a child.
from multiprocessing import Process, Queue, Value

DONE = None  # sentinel that tells the consumer to stop


def produce(queue, count):
    for i in range(count):
        queue.put(i * i)  # pickled and sent through a pipe; blocks while the queue is full
    queue.put(DONE)


def consume(queue, total):
    while (item := queue.get()) is not DONE:  # blocks while the queue is empty
        with total.get_lock():  # += on a shared Value is read-then-write: lock it
            total.value += item


def mutate(items):
    items.append("added in the child")  # only the child's copy changes


if __name__ == "__main__":  # required wherever processes are spawned (Windows, macOS)
    queue, total = Queue(maxsize=4), Value("q", 0)
    workers = [
        Process(target=produce, args=(queue, 100)),
        Process(target=consume, args=(queue, total)),
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("sum of i * i for i < 100:", total.value)

    items = ["from the parent"]
    child = Process(target=mutate, args=(items,))
    child.start()
    child.join()
    print("the parent still sees:", items)
