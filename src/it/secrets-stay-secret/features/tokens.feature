Feature: A token typed into a step never stays in a report

  Scenario: A filter that carries a token-shaped value
    When I send GET "accounts?$select=name&$filter=name eq 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJzdGVwIn0.dG9rZW4taW4tYS1zdGVw'"
    Then the response status is 200
