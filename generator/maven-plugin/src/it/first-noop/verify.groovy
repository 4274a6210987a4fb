// First execution generated the client (with the $ref'd schema), the second found nothing to do, and it compiled.
def log = new File(basedir, 'build.log').text
assert log.contains('provider-api: tiny -> ' + basedir.canonicalPath + ': 5 files written, 0 unchanged')
assert log.contains('created src/main/java/com/example/tiny/TinyProvider.java')
def noop = (log =~ /provider-api: tiny is up to date, nothing to do \(inputs unchanged; checked in ([0-9.]+) ms\)/)
assert noop.find() : 'the second execution must be a no-op'
println "provider-api no-op check took ${noop.group(1)} ms"
assert new File(basedir, 'src/generated/java/com/example/tiny/model/Machine.java').text.contains('String gpu')
def manifest = new File(basedir, 'generated.manifest').text
assert manifest.contains('  specs/tiny/shared/machine.yaml\n')
assert new File(basedir, 'target/classes/com/example/tiny/api/TinyApiClient.class').isFile()
assert new File(basedir, 'target/classes/com/example/tiny/TinyProvider.class').isFile()
true
