import NIOCore

/// Runs a task's jobs on one event loop: a task started with this executor as its preference resumes there after
/// every `await`, so a chain of futures completed on that loop never crosses to another thread.
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        loop.execute { job.runSynchronously(on: executor) }
    }
}
