import Foundation
import WenshuFuzz

/// The target this process fuzzes: WENSHU_FUZZ_TARGET, else the binary's name (fuzz-yaml → yaml).
/// Read once, in LLVMFuzzerInitialize.
nonisolated(unsafe) private var target: FuzzTarget = .yaml

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    let name = ProcessInfo.processInfo.environment["WENSHU_FUZZ_TARGET"]
        ?? String(((CommandLine.arguments.first ?? "") as NSString).lastPathComponent.split(separator: "-").last ?? "")
    guard let chosen = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: " ")
        FileHandle.standardError.write(Data("set WENSHU_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    target = chosen
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let input = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    target.run(input)
    return 0
}

/// libFuzzer's driver, from the runtime -sanitize=fuzzer links.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<Int32>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// The program's entry: SwiftPM links an executable target with `main` defined as
/// `<Target>_main`, which keeps libFuzzer's own `main` out, so this one hands over to its driver.
@_cdecl("WenshuFuzzer_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return withUnsafeMutablePointer(to: &arguments) { args in
        runDriver(&count, args) { bytes, size in fuzzerTestOneInput(bytes, size) }
    }
}
