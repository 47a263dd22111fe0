package uk.nhsjob.ingest.source;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Sources extends MongoRepository<Source, String> {

	Optional<Source> findByKeysKeyHash(String keyHash);

}
