// The README's recipe ran the README's scenario: at least one test, none failed, and the reports it configures exist.
def log = new File(basedir, 'build.log').text
def counts = (log =~ /(?m)^\[INFO\] Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)$/).collect { it }
assert !counts.isEmpty() : 'no Surefire summary line'
def total = counts.last()
assert (total[1] as int) > 0 : 'the recipe ran 0 tests'
assert total[2] == '0' && total[3] == '0' : "the README's scenario failed: ${total[0]}"
// Each Java sample ran at least one test: a recipe whose engines leave JUnit 5 out runs 0 of them and says BUILD SUCCESS.
new File(basedir, 'readme-classes.txt').readLines().each { name ->
    def report = new File(basedir, "target/surefire-reports/TEST-com.example.tests.${name}.xml")
    assert report.exists() : "the README's ${name} did not run (no ${report.name}): the recipe's Surefire engines miss it"
    def tests = (report.text =~ /<testsuite[^>]* tests="(\d+)"/)[0][1] as int
    assert tests > 0 : "the README's ${name} ran 0 tests"
}
def suite = new File(basedir, 'target/surefire-reports/TEST-com.example.tests.RunDataverseTest.xml').text
def scenarios = new File(basedir, 'readme-scenarios.txt').text as int
assert ((suite =~ /<testsuite[^>]* tests="(\d+)"/)[0][1] as int) == scenarios : "the suite did not run each of the README's ${scenarios} Gherkin samples"
assert new File(basedir, 'target/cucumber/cucumber.html').exists() : 'the Cucumber report the recipe configures is missing'
def matrix = new File(basedir, 'target/conformance/matrix.json')
assert matrix.exists() : 'the conformance matrix the recipe configures is missing'
assert matrix.text.contains('"operation" : "associate"') : "the README's associate is not in the matrix"
def allure = new File(basedir, 'target/allure-results')
assert allure.exists() && allure.listFiles().any { it.name.endsWith('-result.json') } : 'no Allure results'
assert !log.contains('No SLF4J providers') : "SLF4J's no-provider warning reached the consumer's console"
