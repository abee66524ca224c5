import Foundation

/// `map` over all cores, results in input order.
enum ParallelMap {
    static func map<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        guard items.count > 1 else { return items.map(transform) }
        let results = Results<U>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in results.set(i, transform(items[i])) }
        return results.values()
    }

    private final class Results<U>: @unchecked Sendable {
        private var slots: [U?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: U) { lock.withLock { slots[i] = value } }
        func values() -> [U] { lock.withLock { slots.map { $0! } } }
    }
}
