package uk.nhsjob.ingest.source;

import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Finds a registered source by its id, for what the service does on a source's behalf
 * without its key (fetching its pulled feed).
 */
@Service
public class SourceDirectory {

	private final Sources sources;

	SourceDirectory(Sources sources) {
		this.sources = sources;
	}

	public Optional<RegisteredSource> find(String sourceId) {
		return this.sources.findById(sourceId).map(Source::view);
	}

}
