#pragma once
// The usual helper for std::visit with a set of lambdas.

namespace kiosk {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace kiosk
