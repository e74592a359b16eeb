// Builds a consumer project out of the README alone, so that the README's recipe cannot drift from what works:
// its consumer pom fragment, its suite class, its junit-platform.properties and allure.properties, and its Gherkin
// sample, verbatim.
def readme = new File(basedir, '../../../README.md').text
def blocks = { String lang -> (readme =~ /(?s)```${lang}\n(.*?)```/).collect { it[1] } }
def fragment = blocks('xml').find { it.contains('<artifactId>dataverse-bdd</artifactId>') && it.contains('maven-surefire-plugin') }
assert fragment : 'the README has no consumer pom fragment'
// Nothing is added to the fragment: what it needs to compile (the compiler release) it must say itself.
new File(basedir, 'pom.xml').text = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>consumer-from-readme</artifactId>
  <version>1.0</version>
${fragment}
</project>
"""
// Every Java sample is a whole file, imports included, and goes in as it is written: the suite class and the JUnit 5
// tests. verify.groovy checks that each of them ran.
def samples = blocks('java')
assert samples.every { it.startsWith('package com.example.tests;') } : 'every Java sample of the README is a whole file in com.example.tests'
def classes = samples.collect { sample ->
    def name = (sample =~ /(?m)^(?:public )?(?:final )?class (\w+)/)[0][1]
    def file = new File(basedir, "src/test/java/com/example/tests/${name}.java")
    file.parentFile.mkdirs()
    file.text = sample
    name
}
assert classes.contains('RunDataverseTest') : 'the README has no suite class'
assert classes.size() == classes.unique(false).size() : "two README samples share a class name: ${classes}"
new File(basedir, 'readme-classes.txt').text = classes.join('\n')
def properties = blocks('properties').find { it.contains('cucumber.glue') }
assert properties : 'the README has no junit-platform.properties'
def propertiesFile = new File(basedir, 'src/test/resources/junit-platform.properties')
propertiesFile.parentFile.mkdirs()
propertiesFile.text = properties
def allure = blocks('properties').find { it.contains('allure.results.directory') }
assert allure : 'the README has no allure.properties'
new File(basedir, 'src/test/resources/allure.properties').text = allure
// Every Gherkin sample is a scenario of its own, as the README writes it.
def feature = new File(basedir, 'features/readme.feature')
feature.parentFile.mkdirs()
feature.text = 'Feature: The README\'s samples\n' + blocks('gherkin').withIndex().collect { gherkin, i ->
    "  Scenario: README sample ${i + 1}\n" + gherkin.readLines().collect { '    ' + it }.join('\n') + '\n'
}.join('\n')
new File(basedir, 'readme-scenarios.txt').text = String.valueOf(blocks('gherkin').size())
return true
