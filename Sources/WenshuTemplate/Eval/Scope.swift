import WenshuData

/// What names mean while a template is realised: loop variables (innermost first), the template's
/// parameters, then the data. A key missing under its own name is tried under its alias (the
/// forms' Chinese labels and the schema's English keys name the same fields).
struct Scope {
    var data: Value
    var parameters: Record
    var locals: [(name: String, value: Value)] = []
    var aliases: [String: String]

    func lookup(_ path: [PathComponent]) -> Value? {
        guard case .key(let first)? = path.first else { return nil }
        let pathRest = path.dropFirst()
        var value: Value?
        if let local = locals.last(where: { $0.name == first }) { value = local.value }
        else if let p = parameters[first] { value = p }
        else if let v = child(data, first) { value = v }
        else if let mapped = ProgrammeSchema.pathForLabel[first], mapped.first != .key(first) {
            // A form label used as a path: 品牌名称 is brand.name.
            return lookup(mapped + pathRest)
        }
        else { value = nil }
        for c in path.dropFirst() {
            guard let v = value else { return nil }
            switch c {
            case .key(let k): value = child(v, k)
            case .index(let n):
                if case .array(let a) = v, a.indices.contains(n) { value = a[n] } else { return nil }
            }
        }
        return value
    }

    private func child(_ v: Value, _ key: String) -> Value? {
        guard case .object(let r) = v else { return nil }
        if let x = r[key] { return x }
        if let alias = aliases[key], let x = r[alias] { return x }
        return nil
    }

    mutating func push(_ name: String, _ value: Value) { locals.append((name, value)) }
    mutating func pop() { locals.removeLast() }
}
