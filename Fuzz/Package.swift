// swift-tools-version: 6.0
// The fuzzers of Wenshu: one libFuzzer binary whose target (yaml, json, csv, xlsx, template,
// expression, image, font) is its name or WENSHU_FUZZ_TARGET. The entry functions live in the
// main package's WenshuFuzz library, so that `swift test` there replays Corpus/ through the same
// code. Build and run with ../bench/fuzz.sh (it passes -sanitize=fuzzer,address).
import PackageDescription

let package = Package(
    name: "WenshuFuzzers",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Wenshu", path: "..")],
    targets: [
        .executableTarget(
            name: "WenshuFuzzer",
            dependencies: [.product(name: "WenshuFuzz", package: "Wenshu")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
