// Brings cdktf's jest matcher types (toHaveResource, ...) into the test files.
import 'cdktf/lib/testing/adapters/jest';
