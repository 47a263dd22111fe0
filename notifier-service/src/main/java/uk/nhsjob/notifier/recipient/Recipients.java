package uk.nhsjob.notifier.recipient;

import org.springframework.data.repository.CrudRepository;

interface Recipients extends CrudRepository<Recipient, String> {

}
