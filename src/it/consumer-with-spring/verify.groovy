// The steps ran under cucumber-spring: every scenario passed (TeamSteps fails the run if PicoContainer is on the classpath).
def log = new File(basedir, 'build.log').text
def counts = (log =~ /(?m)^\[INFO\] Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)$/).collect { it }
assert !counts.isEmpty() : 'no Surefire summary line'
def total = counts.last()
assert (total[1] as int) == 3 : "expected the 3 scenarios to run: ${total[0]}"
assert total[2] == '0' && total[3] == '0' : "a scenario failed under cucumber-spring: ${total[0]}"
assert !log.contains('No SLF4J providers') : "SLF4J's no-provider warning reached the consumer's console"
