// A clear failure naming the spec and where it breaks; nothing generated.
def log = new File(basedir, 'build.log').text
assert log.contains('provider-api: tiny: ' + new File(basedir, 'specs/tiny/openapi.yaml').canonicalPath
    + ' at line 6, column 1: cannot be read as JSON or YAML: ')
assert log.contains('(nothing was written)')
// Only our message: no swagger-parser log lines (with stack traces) before it.
assert !log.contains('Error parsing content') && !log.contains('Exception while parsing')
assert !log.contains('snake-parsing')
assert !new File(basedir, 'src/generated').exists()
assert !new File(basedir, 'generated.manifest').exists()
assert !new File(basedir, 'src/main').exists()
true
