export function firstIssue(error) {
    return describe(error.issues[0], []);
}
function describe(issue, prefix) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union') {
        const branches = (issue.errors ?? []).filter((b) => b.length > 0);
        const matched = branches.filter((b) => !b.every(isDiscriminatorMiss));
        if (matched.length > 0) {
            const best = matched.reduce((a, b) => (b.length < a.length ? b : a));
            return describe(best[0], path);
        }
        const options = unionOptions(issue, branches);
        if (options.length > 0) {
            return { path: discriminatorPath(issue, branches, path), message: `must be one of ${options.map((o) => `'${o}'`).join(', ')}` };
        }
    }
    if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) {
        return { path, message: `missing (expected ${issue.expected ?? 'a value'})` };
    }
    return { path, message: issue.message };
}
function isDiscriminatorMiss(issue) {
    return issue.code === 'invalid_union' && issue.note === 'No matching discriminator';
}
function unionOptions(issue, branches) {
    const own = issue.options;
    if (own)
        return own.map(String);
    return branches.flatMap((b) => b.flatMap((i) => (i.options ?? []).map(String)));
}
function discriminatorPath(issue, branches, path) {
    if (issue.options)
        return path;
    const inner = branches[0]?.[0]?.path;
    return inner ? [...path, ...inner] : path;
}
