/**
 * The HTTP plumbing and test controls the emulators share. Not API: it may change whenever an emulator needs it to.
 */
package com.scratch.emulators.internal;
