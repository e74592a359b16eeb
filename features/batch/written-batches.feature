Feature: Batches written as Microsoft's page writes them
  The request bodies of "Execute batch operations using the Web API" (D11), sent as written: Content-ID
  references in URLs and bodies, GET parts, the forward-reference error, and the same at the v9.0 and v8.2 paths.
  On a live org too, `$1` reaches the org as written: the guard lets a Content-ID reference through where it can
  prove that it names a row an earlier request of the same change set creates with an id the guard chose, and
  checks that the create's answer names that row (live-safety.md, "Batches"). So each scenario here that reads
  back what a `$n` named fails on a server that does not resolve Content-ID references.
  {Alias} is a row's id, {root} the service root, {host} scheme and authority.

  Background:
    Given an account "Fabrikam"

  Scenario: Reference URIs in URL and request body using @odata.id (PUT $1/primarycontactid/$ref)
    When I send the batch:
      """
      --batch_AAA123
      Content-Type: multipart/mixed; boundary=changeset_dd81ccab

      --changeset_dd81ccab
      Content-Type: application/http
      Content-Transfer-Encoding: binary
      Content-ID: 1

      POST {root}/accounts HTTP/1.1
      Content-Type: application/json

      {"name":"{name:Contoso}"}
      --changeset_dd81ccab
      Content-Type: application/http
      Content-Transfer-Encoding: binary
      Content-ID: 2

      POST {root}/contacts HTTP/1.1
      Content-Type: application/json

      {"lastname":"{name:Ann}"}
      --changeset_dd81ccab
      Content-Type: application/http
      Content-Transfer-Encoding: binary
      Content-ID: 3

      PUT $1/primarycontactid/$ref HTTP/1.1
      Content-Type: application/json

      {"@odata.id":"$2"}
      --changeset_dd81ccab--
      --batch_AAA123--
      """
    Then the batch succeeds
    And request 1 of the batch has the header "Location" ending with ")"
    And request 3 of the batch succeeds with 204 No Content
    When I send GET "accounts?$select=name&$expand=primarycontactid($select=lastname)&$filter=name eq '{name:Contoso}'"
    Then the response JSON "value[0].primarycontactid.lastname" is "{name:Ann}"

  Scenario: Reference URIs in URL and navigation properties (PATCH $1 with primarycontactid@odata.bind $2)
    When I send the batch:
      """
      --batch_AAA123
      Content-Type: multipart/mixed; boundary=changeset_dd81ccab

      --changeset_dd81ccab
      Content-Type: application/http
      Content-Transfer-Encoding: binary
      Content-ID: 1

      POST /api/data/v9.2/accounts HTTP/1.1
      Content-Type: application/json

      {"name":"{name:Contoso}","parentaccountid@odata.bind":"/accounts({Fabrikam})"}
      --changeset_dd81ccab
      Content-Type: application/http
      Content-Transfer-Encoding: binary
      Content-ID: 2

      POST /api/data/v9.2/contacts HTTP/1.1
      Content-Type: application/json

      {"lastname":"{name:Ann}"}
      --changeset_dd81ccab
      Content-Type: application/http
      Content-Transfer-Encoding: binary
      Content-ID: 3

      PATCH $1 HTTP/1.1
      Content-Type: application/json

      {"primarycontactid@odata.bind":"$2"}
      --changeset_dd81ccab--
      --batch_AAA123--
      """
    Then the batch succeeds
    And request 3 of the batch has the header "OData-EntityId" ending with ")"
    When I send GET "accounts({Fabrikam})/account_parent_account?$select=name&$expand=primarycontactid($select=lastname)"
    Then the response JSON "value[0].primarycontactid.lastname" is "{name:Ann}"

  Scenario: A Content-ID leading the URL: POST $1/contact_customer_accounts/$ref links a contact to the new account
    Given a contact "Ann"
    When I send the batch:
      """
      --batch_AAA123
      Content-Type: multipart/mixed; boundary=changeset_CCC789

      --changeset_CCC789
      Content-Type: application/http
      Content-Transfer-Encoding: binary
      Content-ID: 1

      POST {root}/accounts HTTP/1.1
      Content-Type: application/json;type=entry

      {"name":"{name:Contoso}"}
      --changeset_CCC789
      Content-Type: application/http
      Content-Transfer-Encoding: binary
      Content-ID: 2

      POST $1/contact_customer_accounts/$ref HTTP/1.1
      Content-Type: application/json;type=entry

      {"@odata.id":"{root}/contacts({Ann})"}
      --changeset_CCC789--
      --batch_AAA123--
      """
    Then the batch succeeds
    And request 2 of the batch succeeds with 204 No Content
    When I send GET "contacts({Ann})?$select=lastname&$expand=parentcustomerid_account($select=name)"
    Then the response JSON "parentcustomerid_account.name" is "{name:Contoso}"

  Scenario: A Content-ID as a body bind: a new opportunity's customerid_account@odata.bind is $1
    When I send the batch:
      """
      --batch_AAA123
      Content-Type: multipart/mixed; boundary=changeset_DDD012

      --changeset_DDD012
      Content-Type: application/http
      Content-Transfer-Encoding: binary
      Content-ID: 1

      POST {root}/accounts HTTP/1.1
      Content-Type: application/json;type=entry

      {"name":"{name:Contoso}"}
      --changeset_DDD012
      Content-Type: application/http
      Content-Transfer-Encoding: binary
      Content-ID: 2

      POST {root}/opportunities HTTP/1.1
      Content-Type: application/json;type=entry

      {"name":"{name:Deal}","customerid_account@odata.bind":"$1"}
      --changeset_DDD012--
      --batch_AAA123--
      """
    Then the batch succeeds
    And request 2 of the batch has the header "OData-EntityId" ending with ")"
    When I send GET "opportunities?$select=name&$expand=customerid_account($select=name)&$filter=name eq '{name:Deal}'"
    Then the response JSON "value[0].customerid_account.name" is "{name:Contoso}"

  Scenario: A GET part reads back what the change set before it wrote
    Given a contact "Ann"
    When I send the batch:
      """
      --batch_AAA123
      Content-Type: multipart/mixed; boundary=changeset_BBB456

      --changeset_BBB456
      Content-Type: application/http
      Content-Transfer-Encoding: binary
      Content-ID: 1

      POST {root}/accounts({Fabrikam})/contact_customer_accounts/$ref HTTP/1.1
      Content-Type: application/json

      {"@odata.id":"{root}/contacts({Ann})"}
      --changeset_BBB456--
      --batch_AAA123
      Content-Type: application/http
      Content-Transfer-Encoding: binary

      GET {root}/accounts({Fabrikam})/contact_customer_accounts?$select=lastname HTTP/1.1


      --batch_AAA123--
      """
    Then the batch succeeds
    And request 2 of the batch answers 200
    And request 2 of the batch has JSON "value" with 1 item
    And the parentcustomerid_account of contact "Ann" is account "Fabrikam"

  @emulator-only
  Scenario: Referencing a Content-ID before it is declared is refused, and nothing of the change set is applied
    When I send the batch:
      """
      --batch_AAA123
      Content-Type: multipart/mixed; boundary=changeset_BBB456

      --changeset_BBB456
      Content-Type: application/http
      Content-Transfer-Encoding: binary
      Content-ID: 2

      POST {root}/contacts HTTP/1.1
      Content-Type: application/json;type=entry

      {"lastname":"{name:Ann}","parentcustomerid_account@odata.bind":"$1"}
      --changeset_BBB456
      Content-Type: application/http
      Content-Transfer-Encoding: binary
      Content-ID: 1

      POST {root}/accounts HTTP/1.1
      Content-Type: application/json;type=entry

      {"name":"{name:QQQQ}"}
      --changeset_BBB456--
      --batch_AAA123--
      """
    Then the batch answers 400
    And request 1 of the batch fails with 400 and an error message containing "Content-ID Reference: '$1' does not exist in the batch context."
    When I send GET "contacts?$select=lastname&$filter=lastname eq '{name:Ann}'"
    Then the response JSON "value" has 0 items

  @emulator-only
  Scenario: A batch whose lines end in bare line feeds cannot be read, and nothing is applied (D16)
    When I send the batch with bare line feeds:
      """
      --batch_AAA123
      Content-Type: application/http
      Content-Transfer-Encoding: binary

      POST {root}/accounts HTTP/1.1
      Content-Type: application/json; type=entry

      {"name":"{name:Contoso}"}
      --batch_AAA123--
      """
    Then the batch answers 400
    And request 1 of the batch fails with 400 and error code "0x80048d19"
    When I send GET "accounts?$select=name&$filter=name eq '{name:Contoso}'"
    Then the response JSON "value" has 0 items

  @seed-v9.0
  Scenario: The same create-and-link change set at the v9.0 path
    Given the API version is v9.0
    When a change set is sent:
      | request | row               | navigation       | other row     |
      | create  | account "Contoso" |                  |               |
      | create  | contact "Ann"     |                  |               |
      | rebind  | account "Contoso" | primarycontactid | contact "Ann" |
    Then the batch succeeds
    And request 1 of the batch has the header "OData-EntityId" ending with ")"
    And the primarycontactid of account "Contoso" is contact "Ann"

  @seed-v8.2
  Scenario: The same create-and-link change set at the v8.2 path, written by hand
    When I send the batch:
      """
      --batch_AAA123
      Content-Type: multipart/mixed; boundary=changeset_BBB456

      --changeset_BBB456
      Content-Type: application/http
      Content-Transfer-Encoding: binary
      Content-ID: 1

      POST {host}/api/data/v8.2/contacts HTTP/1.1
      Content-Type: application/json;type=entry

      {"lastname":"{name:Ann}"}
      --changeset_BBB456
      Content-Type: application/http
      Content-Transfer-Encoding: binary
      Content-ID: 2

      PUT {host}/api/data/v8.2/accounts({Fabrikam})/primarycontactid/$ref HTTP/1.1
      Content-Type: application/json;type=entry

      {"@odata.id":"$1"}
      --changeset_BBB456--
      --batch_AAA123--
      """
    Then the batch succeeds
    And request 1 of the batch has the header "OData-EntityId" ending with ")"
    When I send GET "accounts({Fabrikam})?$select=name&$expand=primarycontactid($select=lastname)"
    Then the response JSON "primarycontactid.lastname" is "{name:Ann}"
