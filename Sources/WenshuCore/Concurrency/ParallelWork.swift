import Foundation

/// The first error thrown by any of several concurrent tasks (later ones are dropped). Unchecked
/// `Sendable` is safe: `first` is read and written under `lock` only.
public final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Error?

    public init() {}
    public var isSet: Bool { lock.lock(); defer { lock.unlock() }; return first != nil }
    public var error: Error? { lock.lock(); defer { lock.unlock() }; return first }
    public func record(_ e: Error) { lock.lock(); if first == nil { first = e }; lock.unlock() }
}

/// Hands a value (a buffer) to concurrent tasks that each touch only their own part of it. Unchecked
/// `Sendable` is the caller's promise: safe only while tasks write disjoint parts and nobody reads
/// until all are done.
public struct UnsafeSendable<T>: @unchecked Sendable {
    public let value: T
    public init(_ value: T) { self.value = value }
}
