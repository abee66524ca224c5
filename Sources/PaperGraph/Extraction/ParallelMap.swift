import Foundation

/// `map` over all cores, results in input order.
enum ParallelMap {
    static func map<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        guard items.count > 1 else { return items.map(transform) }
        let results = Slots<U>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in results.set(i, transform(items[i])) }
        return results.values()
    }
}

/// Results of parallel work in input order, each slot written by one worker.
final class Slots<U>: @unchecked Sendable {
    private var slots: [U?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: U) { lock.withLock { slots[i] = value } }
    func get(_ i: Int) -> U { lock.withLock { slots[i]! } }
    func values() -> [U] { lock.withLock { slots.map { $0! } } }
}
