package uk.nhsjob.common.vocabulary;

/** Where the work is done; a hybrid post is located like an on-site one. */
public enum RemoteWorking {

	ON_SITE, HYBRID, REMOTE

}
