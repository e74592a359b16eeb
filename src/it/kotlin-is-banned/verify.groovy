// The build must have failed because of the ban, not for any other reason.
def log = new File(basedir, 'build.log').text
assert log.contains('org.jetbrains.kotlin:kotlin-stdlib:jar:2.1.21') : 'the banned artifact is not named in the log'
assert log.contains('banned via the exclude/include list') : 'the enforcer ban did not fire'
assert log.contains('Kotlin (and the Kotlin-based OkHttp/Okio) is banned') : 'the project message is missing'
