// The scenario ran, and no secret nor token-shaped text is in any text file the build wrote.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : 'the scenario did not run and pass'
def secrets = ['it-client-secret-from-dash-d-7f3a', 'it-certificate-password-from-env-4d1e',
               'eyJhbGciOiJub25lIn0.eyJzdWIiOiJkYXNoLWQifQ', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJzdGVwIn0']
def jwt = ~/eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}/
def leaks = []
def scanned = 0
['target', 'reports'].each { name ->
    def folder = new File(basedir, name)
    if (!folder.exists()) return
    folder.eachFileRecurse(groovy.io.FileType.FILES) { file ->
        if (file.name ==~ /.*\.(jar|class)$/) return
        scanned++
        def text = file.getText('ISO-8859-1')
        secrets.each { if (text.contains(it)) leaks << "${file}: a secret" }
        if (text =~ jwt) leaks << "${file}: a token-shaped string"
    }
}
assert new File(basedir, 'reports/cucumber.json').exists() : 'the Cucumber report was not written'
assert scanned > 3 : "only ${scanned} files were scanned"
assert leaks.isEmpty() : "secrets leaked:\n" + leaks.join('\n')
