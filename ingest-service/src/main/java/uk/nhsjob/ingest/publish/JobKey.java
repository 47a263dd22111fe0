package uk.nhsjob.ingest.publish;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One key of a job (docs/normalisation.md, "The same job from two sources"): its id is
 * the key itself, so only one vacancy can hold it at a time.
 *
 * @param key {@code ref|employer|reference} or
 * {@code posting|employer|title|sector|closingDate}, lower case, without spaces
 * @param owner the open vacancy that holds the key, the job's first copy; null once it
 * closed, until another copy takes the key over
 * @param ownerSource the owner's source (or its last owner's, once let go of), so that a
 * source's own vacancies are never duplicates of each other
 * @param jobId the job's id: the id of the first vacancy that ever held the key, kept
 * when another copy takes it over
 * <p>
 * The compound index has exactly the keys of the filters that take a key over and let go
 * of it ({@link JobKeys}): the in-JVM MongoDB-wire server uses an index only for a filter
 * with exactly its keys.
 */
@Document(JobKey.COLLECTION)
@CompoundIndex(name = "keyOwner", def = "{'_id': 1, 'owner': 1}", unique = true)
record JobKey(@Id String key, @Indexed @Nullable String owner, @Nullable String ownerSource, String jobId) {

	static final String COLLECTION = "jobKeys";

}
