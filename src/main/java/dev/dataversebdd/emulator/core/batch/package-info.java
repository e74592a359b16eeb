/**
 * {@code $batch} on the wire (OData 4.0 Protocol §11.7, Microsoft Learn "Execute batch operations using the Web API"):
 * reading a {@code multipart/mixed} batch request into its parts and change sets, resolving Content-ID references,
 * and writing the {@code multipart/mixed} answer. Running the parts is the service's job.
 */
package dev.dataversebdd.emulator.core.batch;
