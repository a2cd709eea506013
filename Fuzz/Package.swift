// swift-tools-version: 6.1
// libFuzzer harnesses for tieuchi, in their own package so that the main build and `swift test` never see them.
// Built and run by `scripts/fuzz.sh` with `-sanitize=fuzzer,address`; see README.md.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between worktrees and clones.
let parent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let mainPackage = parent.lastPathComponent

let package = Package(
  name: "tieuchi-fuzz",
  dependencies: [.package(path: "..")],
  targets: [
    .executableTarget(
      name: "tieuchi-fuzz",
      dependencies: [
        .product(name: "TieuChi", package: mainPackage),
        .product(name: "TieuChiOffice", package: mainPackage),
      ]
    )
  ]
)
