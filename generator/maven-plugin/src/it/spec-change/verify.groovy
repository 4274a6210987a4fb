// Run 2 saw the changed $ref'd file, regenerated only what it affects, and the new field compiled.
def log = new File(basedir, 'build.log').text
assert log.contains('5 files written, 0 unchanged') : 'run 1 generates'
assert log =~ /1 files written, 4 unchanged \(specs\/tiny\/shared\/machine.yaml changed; /
def machine = new File(basedir, 'src/generated/java/com/example/tiny/model/Machine.java').text
assert machine.contains('hourlyPriceCents')
assert new File(basedir, 'target/classes/com/example/tiny/model/Machine.class').isFile()
true
