package uk.nhsjob.notifier.recipient;

import org.springframework.data.repository.CrudRepository;

interface Recipients extends CrudRepository<Recipient, String> {

	/** How many alerts of the address the notifier holds (erasures only ask). */
	long countByAddress(String address);

}
