import WenshuData

/// What names mean while a template is realised: loop variables (innermost first), the template's
/// parameters, then the data. A key missing under its own name is tried under its alias (the
/// forms' Chinese labels and the schema's English keys name the same fields).
struct Scope {
    var data: Value
    var parameters: Record
    /// Loop variables, innermost last, each with the path in the data it stands for (nil when it
    /// is not a piece of the data, such as `loop`).
    var locals: [(name: String, value: Value, origin: ValuePath?)] = []
    var aliases: [String: String]

    func lookup(_ path: [PathComponent]) -> Value? { resolve(path)?.value }

    /// The value `path` names and, when it comes from the data, its path there (for errors that
    /// point at the data file's line).
    func resolve(_ path: [PathComponent]) -> (value: Value, origin: ValuePath?)? {
        guard case .key(let first)? = path.first else { return nil }
        let pathRest = path.dropFirst()
        var value: Value
        var origin: ValuePath?
        if let local = locals.last(where: { $0.name == first }) { value = local.value; origin = local.origin }
        else if let p = parameters[first] { value = p; origin = nil }
        else if let (v, key) = child(data, first) { value = v; origin = [.key(key)] }
        else { return nil }
        for c in pathRest {
            switch c {
            case .key(let k):
                guard let (v, key) = child(value, k) else { return nil }
                value = v
                origin?.append(.key(key))
            case .index(let n):
                guard case .array(let a) = value, a.indices.contains(n) else { return nil }
                value = a[n]
                origin?.append(.index(n))
            }
        }
        return (value, origin)
    }

    /// The child `key` of an object and the key it is stored under (the key or its alias).
    private func child(_ v: Value, _ key: String) -> (Value, String)? {
        guard case .object(let r) = v else { return nil }
        if let x = r[key] { return (x, key) }
        if let alias = aliases[key], let x = r[alias] { return (x, alias) }
        return nil
    }

    mutating func push(_ name: String, _ value: Value, origin: ValuePath? = nil) { locals.append((name, value, origin)) }
    mutating func pop() { locals.removeLast() }
}
