package dev.dataversebdd.emulator.core;

import java.util.List;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * The error catalogue (E1–E20, see src/site/markdown/sources.md): one factory per row, so that status,
 * code and message text stay together and match what Dataverse sends.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Errors {

    private static final String INPUT_PREFIX = "An error occurred while validating input parameters: ";

    private Errors() {
    }

    /** E1: unknown entity set or segment (names are case sensitive). */
    public static DataverseException resourceNotFoundForSegment(String segment, String code) {
        return new DataverseException(404, code, "Resource not found for the segment '" + segment + "'.");
    }

    /** E2: the segment before {@code $ref} is not a navigation property. */
    public static DataverseException refInvalidAfterSegment(String segment) {
        return new DataverseException(400, "0x8006088a",
                "The URI segment '$ref' is invalid after the segment '" + segment + "'.");
    }

    /** E3: unknown property in {@code $select} (or {@code $filter}, {@code $expand}). */
    public static DataverseException propertyNotFound(String name, String qualifiedType) {
        return new DataverseException(400, "0x0",
                "Could not find a property named '" + name + "' on type '" + qualifiedType + "'.");
    }

    /** E4: the method does not exist for this resource. */
    public static DataverseException noHttpResource(String uri) {
        return new DataverseException(404, "", "No HTTP resource was found that matches the request URI '" + uri + "'.");
    }

    /** E5: row not found by primary key. */
    public static DataverseException rowNotFound(String logicalName, UUID id) {
        return new DataverseException(404, "0x80040217", logicalName + " With Id = " + id + " Does Not Exist");
    }

    /** E6: row not found by alternate key. */
    public static DataverseException rowNotFoundByKey(String logicalName) {
        return new DataverseException(404, "0x80060891",
                "A record with the specified key values does not exist in " + logicalName + " entity");
    }

    /** E7: key names that match neither the primary key nor a declared alternate key. */
    public static DataverseException invalidKey(String qualifiedType) {
        return new DataverseException(400, "0x80060888", "The key in the request URI is not valid for resource '"
                + qualifiedType + "'. Ensure that the names and number of key properties match the declared or "
                + "alternate key properties for the resource '" + qualifiedType + "'.");
    }

    /** E8: {@code x@odata.bind} where {@code x} is not a navigation property. */
    public static DataverseException undeclaredBindProperty(String entitySet, String name) {
        return new DataverseException(400, "0x80048d19", "Error identified in Payload provided by the user for Entity :'"
                + entitySet + "' ----> InnerException : Microsoft.OData.ODataException: An undeclared property '" + name
                + "' which only has property annotations in the payload but no property value was found in the payload. "
                + "In OData, only declared navigation properties and declared named streams can be represented as "
                + "properties without values.");
    }

    /** E9: unknown or wrong-case property in a body. */
    public static DataverseException invalidProperty(String name, String qualifiedType) {
        return new DataverseException(400, "0x0", INPUT_PREFIX + "Microsoft.Crm.CrmException: Invalid property '" + name
                + "' was found in entity '" + qualifiedType + "'. ---> Microsoft.OData.ODataException: Does not support "
                + "untyped value in non-open type.");
    }

    /** E10: {@code nav@odata.bind: null} in the strict behaviour. */
    public static DataverseException bindNull() {
        return new DataverseException(400, "0x0", INPUT_PREFIX + "Microsoft.OData.ODataException: The 'odata.bind' "
                + "instance or property annotation has a null value. In OData, the 'odata.bind' instance or property "
                + "annotation must have a non-null string value");
    }

    /** E11: the N:N pair exists already. */
    public static DataverseException duplicateKey(int status) {
        return new DataverseException(status, "0x80040237", "Cannot insert duplicate key.");
    }

    /** E12: a parental association that would close a loop in a hierarchy. */
    public static DataverseException hierarchyLoop(String collectionLabel) {
        return new DataverseException(400, "0x80040507",
                "Creating this parental association would create a loop in " + collectionLabel + " hierarchy.");
    }

    /** E13: {@code If-Match} names another version. */
    public static DataverseException etagMismatch() {
        return new DataverseException(412, "0x80060882",
                "The version of the existing record doesn't match the RowVersion property provided.");
    }

    /** E14: {@code If-None-Match: *} and the row exists. */
    public static DataverseException recordExists() {
        return new DataverseException(412, "0x80060883", "A record with matching key values already exists.");
    }

    /** E16: the activity-party PUT in the behaviour where the real service refuses it. */
    public static DataverseException partiesStartObject() {
        return new DataverseException(400, "0x0", INPUT_PREFIX + "Microsoft.OData.ODataException: A node of type "
                + "'StartObject' was read from the JSON reader when trying to read the start of the content of a "
                + "resource set; however, a node of type 'StartArray' was expected.");
    }

    /** E17: rows that exist only through their parent (activityparty). */
    public static DataverseException createNotSupported(String logicalName) {
        return new DataverseException(400, "0x80040203",
                "The 'Create' method does not support entities of type '" + logicalName + "'.");
    }

    /** E18: an entity URL outside the service root. */
    public static DataverseException notUnderServiceRoot(String url) {
        return new DataverseException(400, "0x0", INPUT_PREFIX + "Microsoft.OData.ODataException: The entity reference '"
                + url + "' is not an absolute URL under the service root. AbsoluteUri should contain ServiceRouteUri");
    }

    /** {@code $expand=nav/$ref} on a collection-valued navigation property (D6). */
    public static DataverseException expandRefOnCollection() {
        return new DataverseException(400, "0x80060888",
                "Expand with $ref is only supported on lookup type navigation property.");
    }

    /** E20: the operation is not supported for this resource. */
    public static DataverseException notSupported(String detail) {
        return new DataverseException(405, "0x80040315", "This action is not supported. " + detail);
    }

    /** Bodies that are not the JSON the route expects. */
    public static DataverseException badPayload(String detail) {
        return new DataverseException(400, "0x0", INPUT_PREFIX + "Microsoft.OData.ODataException: " + detail);
    }

    /** Malformed URLs: bad percent-encoding, bad key literal, bad query option. */
    public static DataverseException badRequestUri(String detail) {
        return new DataverseException(400, "0x0", "Bad Request - Error in query syntax. " + detail);
    }

    /** The target of a reference is of the wrong table for the navigation property. */
    public static DataverseException wrongTargetType(String navigation, String expected, String actual) {
        return new DataverseException(400, "0x0", INPUT_PREFIX + "Microsoft.OData.ODataException: The navigation property '"
                + navigation + "' expects an entity of type 'Microsoft.Dynamics.CRM." + expected
                + "' but the reference names one of type 'Microsoft.Dynamics.CRM." + actual + "'.");
    }

    /** More {@code $expand} options than Dataverse allows in one query (Q1; the message is [INF]). */
    public static DataverseException tooManyExpands(int count, int max) {
        return new DataverseException(400, "0x80060888", "The query specifies " + count + " $expand options; at most "
                + max + " are allowed in one query.");
    }

    /**
     * {@code $top} or {@code $orderby} on a collection-valued navigation property inside a nested {@code $expand}:
     * "Not supported with nested $expand" (Q1; the message is [INF]).
     */
    public static DataverseException nestedCollectionOption(String option, String navigation) {
        return new DataverseException(400, "0x80060888", "The option " + option + " is not supported on the "
                + "collection-valued navigation property '" + navigation + "' inside a nested $expand.");
    }

    /** {@code $top}, {@code $orderby} or {@code $filter} on a single-valued navigation property in {@code $expand}. */
    public static DataverseException collectionOptionOnSingle(String option, String navigation) {
        return new DataverseException(400, "0x80060888", "The option " + option + " applies only to collection-valued "
                + "navigation properties; '" + navigation + "' is single-valued.");
    }

    /**
     * A read whose answer would hold more rows than the emulator renders in one response (an emulator limit that
     * keeps every read short; Dataverse itself pages at 5,000 rows and limits joins, Q1, Q2).
     */
    public static DataverseException responseTooLarge(int maxRows) {
        return new DataverseException(400, "0x80040216", "The answer would hold more than " + maxRows + " rows, the "
                + "expanded ones included, which is more than the emulator returns in one response. Ask for fewer with "
                + "Prefer: odata.maxpagesize, $top, $filter or fewer $expand options.");
    }

    /** A {@code $skiptoken} the emulator did not issue. */
    public static DataverseException invalidSkipToken(String token) {
        return badRequestUri("The $skiptoken '" + token + "' is not one this service issued; follow @odata.nextLink as given.");
    }

    /**
     * A string longer than its column's {@code MaxLength} (Dataverse's validation message; the code is [INF]).
     */
    public static DataverseException tooLong(String property, String logicalName, int maxLength) {
        return new DataverseException(400, "0x80044331", "A validation error occurred. The length of the '" + property
                + "' attribute of the '" + logicalName + "' entity exceeded the maximum allowed length of '" + maxLength
                + "'.");
    }

    /** A second row with the alternate key values of an existing one (D12, D17 "Cannot insert duplicate key"). */
    public static DataverseException duplicateAlternateKey(String logicalName, List<String> key) {
        return new DataverseException(412, "0x80040237", "A record that has the attribute values " + key + " already "
                + "exists on " + logicalName + ": an alternate key's values are unique. Cannot insert duplicate key.");
    }

    /** A request body whose bytes are not well-formed UTF-8 (an overlong '/' included). */
    public static DataverseException bodyNotUtf8() {
        return badPayload("The request body is not valid UTF-8.");
    }

    /** Bodies over the emulator's size limit. */
    public static DataverseException payloadTooLarge(long limit) {
        return new DataverseException(413, "0x80048d19", "The request body is larger than the limit of " + limit + " bytes.");
    }

    /** A bearer token is required and none (or a wrong one) came. */
    public static DataverseException unauthorized() {
        return new DataverseException(401, "0x80072560", "The user is not a member of the organization.");
    }

    /**
     * A defect of the emulator while serving a request (anything thrown that is not a Dataverse refusal): the
     * request's changes were rolled back, and the answer says so instead of hanging or showing a stack trace.
     */
    public static DataverseException emulatorDefect(String requestLine) {
        return new DataverseException(500, "EMULATOR_DEFECT", "The emulator failed while serving " + requestLine
                + ". Nothing of the request was applied. This is a defect of the emulator, not of the request; the "
                + "emulator logged it with its stack trace. Please report it.");
    }

    /** A batch part names {@code $n} before any earlier part of its change set declared Content-ID n (D11). */
    public static DataverseException contentIdReferenceMissing(String reference) {
        return new DataverseException(400, "0x0", "Content-ID Reference: '" + reference
                + "' does not exist in the batch context.");
    }

    /** A batch whose lines end in bare LFs: Dataverse cannot read its parts' bodies (D16). */
    public static DataverseException batchStreamNotReadable(String entitySet) {
        return new DataverseException(400, "0x80048d19", "Error identified in Payload provided by the user for Entity :'"
                + entitySet + "' ----> InnerException : System.ArgumentException: Stream was not readable.");
    }

    /**
     * Anything the emulator does not model: never a silent 204. Names the request and the nearest route that is
     * supported, so the gap is easy to report or to work around.
     */
    public static DataverseException emulatorGap(String request, String nearestSupported) {
        return new DataverseException(501, "EMULATOR_GAP", "The emulator does not model " + request
                + ". Nearest supported: " + nearestSupported + ".");
    }

    // ---- security (src/site/markdown/security.md; sources S1–S12) ----

    /** Phase 1 failed: no role of the principal holds the privilege at any depth (S6: 403 PrivilegeDenied). */
    public static DataverseException privilegeDenied(String principal, String privilege, UUID privilegeId, int typeCode,
                                                     String table, String displayName, UUID caller) {
        return new DataverseException(403, "0x80040220", principal + ", is missing " + privilege + " privilege (Id="
                + privilegeId + ") on OTC=" + typeCode + " for entity '" + table + "' (LocalizedName='" + displayName
                + "'). context.Caller=" + caller + ". Consider adding missed privilege to one of the principal "
                + "(user/team) roles.");
    }

    /** Phase 2 failed: the privilege is held, but not deep enough for this row, and no share gives it (S6). */
    public static DataverseException accessDenied(UUID principal, String right, UUID record, String displayName) {
        return new DataverseException(403, "0x80048306", "user with id " + principal + " does not have " + right
                + " right(s) for record with id " + record + " of entity " + displayName + ". Consider assigning a "
                + "role with the required access level to the user or team.");
    }

    /** Impersonation by a caller without {@code prvActOnBehalfOfAnotherUser} in a role of their own (S7). */
    public static DataverseException cannotActOnBehalf() {
        return new DataverseException(403, "0x8004A110",
                "User does not have the privilege to act on behalf another user.");
    }

    /** An empty {@code MSCRMCallerID} or {@code CallerObjectId} (S6). */
    public static DataverseException invalidCallerId() {
        return new DataverseException(400, "0x80048D1A", "CallerId provided for impersonation is invalid. Provided "
                + "CallerId is either NULL or empty string");
    }

    /** An impersonation header naming no user: the general not-found answer (S6). */
    public static DataverseException callerNotFound(String header, String value) {
        return header.equals("MSCRMCallerID") ? rowNotFound("systemuser", UUID.fromString(value))
                : new DataverseException(404, "0x80040217", "systemuser With azureactivedirectoryobjectid = " + value
                + " Does Not Exist");
    }

    /** A request to a security action whose parameters are missing or wrong (S6: 0x80040203 invalid argument). */
    public static DataverseException invalidArgument(String message) {
        return new DataverseException(400, "0x80040203", message);
    }
}
