// This build is dataverse-bdd's own build with one banned dependency added: copy the real pom.xml and add
// kotlin-stdlib to it. The enforcer ban in that pom must then fail the build at validate.
def original = new File(basedir, '../../../pom.xml').text
def kotlin = '''
    <dependency>
      <groupId>org.jetbrains.kotlin</groupId>
      <artifactId>kotlin-stdlib</artifactId>
      <version>2.1.21</version>
      <scope>test</scope>
    </dependency>
  </dependencies>'''
def marker = '</dependencies>\n\n  <build>'
assert original.contains(marker) : 'cannot find the end of the dependencies in pom.xml'
new File(basedir, 'pom.xml').text = original.replace(marker, kotlin + '\n\n  <build>')
true // a hook script's last value decides: anything but true fails the build before Maven runs
