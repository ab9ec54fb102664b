# Shared steps of the bench/ scripts (sourced, not run): build Wenshu in release mode into its own
# scratch folder and make sure Typst (PyPI) is there. Sets $wenshu and $typst_version; needs die().

build_wenshu() {
  echo "== building wenshu (release, --scratch-path .build-bench)"
  swift build -c release --scratch-path .build-bench --product wenshu \
    || die "swift build -c release --scratch-path .build-bench --product wenshu failed (see above)"
  wenshu="$root/.build-bench/release/wenshu"
  [[ -x $wenshu ]] || die "the build finished but $wenshu is missing"
}

ensure_typst() {
  if ! python3 -c "import typst" 2>/dev/null; then
    echo "== installing typst (pip install typst)"
    python3 -m pip install -q typst || die "pip install typst failed"
    python3 -c "import typst" || die "typst installed but 'import typst' still fails"
  fi
  typst_version=$(python3 -c "import importlib.metadata as m; print(m.version('typst'))" 2>/dev/null || echo "?")
}
