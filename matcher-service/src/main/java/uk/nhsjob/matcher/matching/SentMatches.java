package uk.nhsjob.matcher.matching;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SentMatches extends MongoRepository<SentMatch, String> {

	List<SentMatch> findByAlertIdAndVia(String alertId, SentMatch.Via via);

	void deleteByAlertId(String alertId);

}
