import NIOConcurrencyHelpers
import NIOCore

/// Runs a task's jobs on one event loop: a task started with this executor as its preference resumes there after
/// every `await`, so a chain of futures completed on that loop never crosses to another thread.
public final class EventLoopTaskExecutor: TaskExecutor {
    public let loop: any EventLoop

    public init(loop: any EventLoop) {
        self.loop = loop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        loop.execute { job.runSynchronously(on: executor) }
    }
}

extension EventLoopTaskExecutor {
    private static let byLoop = NIOLockedValueBox<[ObjectIdentifier: EventLoopTaskExecutor]>([:])

    /// The executor of `loop`, made at its first use and kept (event loops live as long as the process).
    public static func of(_ loop: any EventLoop) -> EventLoopTaskExecutor {
        byLoop.withLockedValue { executors in
            let key = ObjectIdentifier(loop)
            if let executor = executors[key] { return executor }
            let executor = EventLoopTaskExecutor(loop: loop)
            executors[key] = executor
            return executor
        }
    }
}
