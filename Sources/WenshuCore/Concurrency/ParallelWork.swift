import Foundation

/// The first error thrown by any of several concurrent tasks (later ones are dropped).
public final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Error?

    public init() {}
    public var isSet: Bool { lock.lock(); defer { lock.unlock() }; return first != nil }
    public var error: Error? { lock.lock(); defer { lock.unlock() }; return first }
    public func record(_ e: Error) { lock.lock(); if first == nil { first = e }; lock.unlock() }
}

/// Hands a value (a buffer) to concurrent tasks that each touch only their own part of it.
public struct UnsafeSendable<T>: @unchecked Sendable {
    public let value: T
    public init(_ value: T) { self.value = value }
}
