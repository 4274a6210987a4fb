// Run 1: javac generated the client, the hand-written test passed. Run 2: only the spec changed, processor-sync
// made the compiler run the processor again, and the new field is in the generated model and its class.
def log = new File(basedir, 'build.log').text
assert log.contains("provider-api: generated provider 'acme' from api/openapi.yaml")
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.app.AcmeClientTest.xml').text
assert report =~ /tests="1" errors="0" skipped="0" failures="0"/
assert log.contains('provider-api: acme: api/openapi.yaml changed since the annotation processor generated it; the compiler will run it again')
assert !log.contains('Nothing to compile - all classes are up to date')
def model = new File(basedir, 'target/generated-sources/annotations/com/example/acme/model/ListMachinesResponseItem.java').text
assert model.contains('hourlyPriceCents')
def cls = new File(basedir, 'target/classes/com/example/acme/model/ListMachinesResponseItem.class').bytes
assert new String(cls, 'ISO-8859-1').contains('hourlyPriceCents')
true
