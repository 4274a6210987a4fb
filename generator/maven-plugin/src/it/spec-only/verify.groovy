// Spec-only mode: named from the title, generated under target/, compiled, and the generated tests ran and passed.
def log = new File(basedir, 'build.log').text
def sources = new File(basedir, 'target/generated-sources/provider-api')
assert log.contains('provider-api: acme-gpu -> ' + sources.canonicalPath + ': ')
assert log =~ /provider-api: acme-openapi.yaml is up to date, nothing to do \(inputs unchanged; checked in [0-9.]+ ms\)/
assert new File(sources, 'com/example/acme/api/AcmeGpuApiClient.java').isFile()
assert new File(sources, 'com/example/acme/AcmeGpuProviderBase.java').text.contains('"ACME_GPU_API_KEY"')
assert new File(basedir, 'target/generated-test-sources/provider-api/com/example/acme/api/AcmeGpuApiClientTest.java').isFile()
assert new File(basedir, 'target/provider-api/generated.manifest').text.contains('  acme-openapi.yaml\n')
// Nothing is written outside target/: no skeleton, no src/generated, no manifest in the project.
assert !new File(basedir, 'src').exists()
assert !new File(basedir, 'generated.manifest').exists()
assert new File(basedir, 'target/classes/com/example/acme/api/AcmeGpuApiClient.class').isFile()
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.acme.api.AcmeGpuApiClientTest.xml').text
def counts = (report =~ /tests="(\d+)" errors="(\d+)" skipped="(\d+)" failures="(\d+)"/)
assert counts.find() : report.take(400)
println "spec-only: generated client test ran ${counts.group(1)} tests"
assert counts.group(1).toInteger() >= 6
assert counts.group(2) == '0' && counts.group(4) == '0'
true
