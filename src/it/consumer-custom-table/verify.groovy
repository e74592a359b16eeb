// The consumer's scenarios ran through dataverse-bdd's glue against its own schema, and all passed.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0') : 'the consumer scenarios did not all run and pass'
